/**
 * How a message map is read: each direction declares `{ [type]: { request; response } }`, and
 * these types derive the message shapes and the handlers from it, so a handler's payload and
 * answer are typed from the map without casts.
 */

/** A map of messages: an interface whose every entry has a request and a response. */
export type MessageMap<M> = { [K in keyof M]: { request: unknown; response: unknown } };

export type RequestOf<M extends MessageMap<M>, K extends keyof M> = M[K]['request'];
export type ResponseOf<M extends MessageMap<M>, K extends keyof M> = M[K]['response'];

/** One message of the map (`K` narrows it to one type). */
export type MessageOf<M extends MessageMap<M>, K extends keyof M = keyof M> = {
  [T in K]: { type: T; payload: RequestOf<M, T> };
}[K];

/** A handler for every message of the map; an answer may be a promise. */
export type HandlersOf<M extends MessageMap<M>, Context = void> = {
  [K in keyof M]: (
    payload: RequestOf<M, K>,
    context: Context,
  ) => ResponseOf<M, K> | Promise<ResponseOf<M, K>>;
};

/** Runs the handler of the message's own type. */
export function dispatch<M extends MessageMap<M>, K extends keyof M, Context>(
  handlers: HandlersOf<M, Context>,
  message: MessageOf<M, K>,
  context: Context,
): ResponseOf<M, K> | Promise<ResponseOf<M, K>> {
  const handler: HandlersOf<M, Context>[K] = handlers[message.type];
  return handler(message.payload, context);
}

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null;

/** A check of each message's payload, so a receiver trusts nothing it did not check. */
export type PayloadChecks<M extends MessageMap<M>> = {
  [K in keyof M]: (payload: unknown) => payload is RequestOf<M, K>;
};

/** True for a message of the map whose payload passes its type's check. */
export function isMessageOf<M extends MessageMap<M>>(
  value: unknown,
  checks: PayloadChecks<M>,
): value is MessageOf<M> {
  if (typeof value !== 'object' || value === null) return false;
  const { type, payload } = value as { type?: unknown; payload?: unknown };
  if (typeof type !== 'string' || !Object.hasOwn(checks, type)) return false;
  return checks[type as keyof M](payload);
}
