/**
 * graphql-ws publishes its server adapter under the package's `exports` map, which the server's `moduleResolution:
 * node` does not read; Node (and Jest) do at run time. Its own declaration file, named by path for the compiler.
 */
declare module 'graphql-ws/use/ws' {
  export * from 'graphql-ws/dist/use/ws';
}
