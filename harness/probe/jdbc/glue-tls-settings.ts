// Apart from the prediction, so that reading a saved profile (drift, run --profile, a report's
// probes) does not load the emulator and the Glue SDK.
/** The TLS settings of a Glue JDBC connection that the probe predicts an answer for, by name. */
export const GLUE_TLS_SETTINGS = {
  'driver-default': {},
  'enforce-ssl': { JDBC_ENFORCE_SSL: 'true' },
  'enforce-ssl+custom-cert': { JDBC_ENFORCE_SSL: 'true', CUSTOM_JDBC_CERT: 'ROOT' },
  'enforce-ssl+custom-cert+skip-validation': { JDBC_ENFORCE_SSL: 'true', CUSTOM_JDBC_CERT: 'ROOT', SKIP_CUSTOM_JDBC_CERT_VALIDATION: 'true' },
} as const satisfies Record<string, Record<string, string>>;

export type GlueTlsSetting = keyof typeof GLUE_TLS_SETTINGS;
