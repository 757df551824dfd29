import type { RequestHandler } from 'express';

/** JSON deeper than this is no GraphQL request of any client (the add-in's deepest variable is 4 levels). */
export const MAX_JSON_DEPTH = 64;

/**
 * Refuses a request body nested deeper than MAX_JSON_DEPTH, before GraphQL or a service walks it: free-form JSON
 * arguments (rule parameters) nested 10,000 deep ended in a RangeError, an internal error (issue 13, finding 6).
 * Walked with an explicit stack, so the check itself cannot overflow.
 */
export const refuseDeepJson: RequestHandler = (req, res, next) => {
  const stack: Array<[unknown, number]> = [[req.body, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_JSON_DEPTH) {
      res.status(400).json({
        errors: [
          {
            message: `JSON annidato oltre ${MAX_JSON_DEPTH} livelli / JSON nested deeper than ${MAX_JSON_DEPTH} levels`,
            extensions: { code: 'BAD_REQUEST' },
          },
        ],
      });
      return;
    }
    for (const child of Object.values(value))
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  next();
};
