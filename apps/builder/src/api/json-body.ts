/** The JSON body of an openapi-typescript response (or request) object. */
export type JsonBody<T> = T extends { content: { 'application/json': infer B } } ? B : never;
