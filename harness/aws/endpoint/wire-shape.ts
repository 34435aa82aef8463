/**
 * The SDK's command types describe values as an SDK client hands them over; an emulated
 * operation sees and answers the JSON 1.1 wire form of the same shapes. Blobs are base64 text
 * both ways. Timestamps arrive as epoch seconds and are answered as `Date`s, which the protocol
 * writes as epoch seconds. Members the model requires are present in the input (the endpoint
 * validated it) and must be present in the output (AWS always answers them), so the SDK's
 * `| undefined` on them is dropped.
 */
type Wire<T, Timestamp> = T extends Uint8Array
  ? string
  : T extends Date
    ? Timestamp
    : T extends readonly (infer Item)[]
      ? Wire<Item, Timestamp>[]
      : T extends object
        ? { [K in keyof T]: Wire<Exclude<T[K], undefined>, Timestamp> }
        : T;

/** What a handler receives for an SDK input type such as `TestConnectionCommandInput`. */
export type WireInput<T extends object> = Wire<T, number>;

/** What a handler answers for an SDK output type such as `TestConnectionCommandOutput` (its `$metadata` is the endpoint's). */
export type WireOutput<T extends object> = Wire<Omit<T, '$metadata'>, Date>;
