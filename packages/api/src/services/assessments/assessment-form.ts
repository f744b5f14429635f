import { composeAssessmentForm } from '@prevention/assessment';
import { platformPillars } from '@prevention/risk';

/**
 * The joint assessment form of this platform, composed once from its pillar modules. Clients get
 * its metadata from `assessments.form` and rebuild the same validators from it.
 */
export const assessmentForm = composeAssessmentForm(platformPillars);
