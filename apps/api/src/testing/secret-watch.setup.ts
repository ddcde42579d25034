import { installSecretWatch, takeSecretSightings } from './secret-watch';

installSecretWatch();

afterAll(() => {
  const seen = takeSecretSightings();
  if (seen.length > 0)
    throw new Error(
      `A seeded secret left the API ${seen.length} time(s): ${seen
        .slice(0, 5)
        .map((sighting) => `${sighting.where} (${sighting.context})`)
        .join('; ')}`,
    );
});
