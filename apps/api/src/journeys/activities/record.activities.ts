import type { JourneyActivities } from '@loa/engine';
import type { JourneyRecorder } from '../journey-recorder.service';

/** `recordJourney`, bound to the enrollments and step events store. */
export function createRecordActivities(recorder: JourneyRecorder): Pick<JourneyActivities, 'recordJourney'> {
  return {
    async recordJourney(input) {
      await recorder.record(input);
    },
  };
}
