// Browser-safe entry point for apps/builder: schema, validation and simulator are exported from here as they land.
export {};
