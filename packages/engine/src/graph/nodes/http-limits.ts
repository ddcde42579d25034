/** The longest an HTTP step may wait for its answer (the callHttp activity's time limit is above it). */
export const MAX_HTTP_TIMEOUT_SECONDS = 60;
