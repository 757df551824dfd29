/**
 * GraphQL Code Generator plugin for codegen.ts: the `typescript` plugin's enums, input types and scalars, but only
 * those the add-in's operations reach (their variables, transitively through input fields, and the enums and
 * scalars of the fields they select), under a "generated, do not edit" line. On the whole schema the file would be
 * ten times longer and would change, and fail the drift test, with every server-side API change the add-in never
 * sends or reads.
 */
const {
  GraphQLSchema,
  TypeInfo,
  getNamedType,
  isEnumType,
  isScalarType,
  typeFromAST,
  visit,
  visitWithTypeInfo,
} = require('graphql');
const typescript = require('@graphql-codegen/typescript');

/** the named types the documents use at their edges; GraphQLSchema adds what input types reference in turn */
function reachedTypes(schema, documents) {
  const reached = new Map();
  const typeInfo = new TypeInfo(schema);
  for (const { document } of documents) {
    visit(
      document,
      visitWithTypeInfo(typeInfo, {
        VariableDefinition(node) {
          const type = getNamedType(typeFromAST(schema, node.type));
          if (type) reached.set(type.name, type);
        },
        Field() {
          const type = getNamedType(typeInfo.getType());
          if (type && (isEnumType(type) || isScalarType(type))) reached.set(type.name, type);
        },
      }),
    );
  }
  return [...reached.values()].sort((a, b) => a.name.localeCompare(b.name));
}

module.exports = {
  plugin(schema, documents, config) {
    const used = new GraphQLSchema({ types: reachedTypes(schema, documents) });
    const output = typescript.plugin(used, documents, { ...config, onlyOperationTypes: true });
    return { ...output, prepend: [`${config.header}\n`, ...output.prepend] };
  },
};
