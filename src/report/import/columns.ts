/**
 * Column names of the exports the report reads, in the languages Moodle is used in here
 * (English and Swedish, as Moodle's Swedish language pack names them), lower case. A file whose
 * columns are not found is offered for mapping.
 */
export const ALIASES = {
  name: ['name', 'namn', 'full name', 'fullständigt namn', 'user', 'användare'],
  firstName: ['first name', 'förnamn'],
  lastName: ['last name', 'efternamn'],
  email: ['email address', 'email', 'e-mail', 'e-postadress', 'e-post'],
  unit: ['department', 'avdelning', 'enhet', 'unit'],
  institution: ['institution', 'organisation', 'organization'],
  attempt: ['attempt', 'försök'],
  started: ['started on', 'började', 'påbörjad', 'påbörjades', 'startad'],
  lastAccessed: ['last accessed on', 'senaste åtkomst den', 'senast åtkommen', 'senaste åtkomst', 'senast använd'],
  score: ['score', 'poäng', 'resultat'],
  courseComplete: ['course complete', 'kursen slutförd', 'kurs slutförd'],
} as const;

export type Column = keyof typeof ALIASES;

/** Where each known column is in a header row (first match), by its lower-case, trimmed name. */
export function findColumns(header: readonly string[]): Partial<Record<Column, number>> {
  const lower = header.map((h) => h.trim().toLowerCase());
  const found: Partial<Record<Column, number>> = {};
  for (const [column, names] of Object.entries(ALIASES) as [Column, readonly string[]][]) {
    const i = lower.findIndex((h) => names.includes(h));
    if (i >= 0) found[column] = i;
  }
  return found;
}

/** Moodle's interactions report: `Question N`, `Response N`, `Right answer N`, `Result N` (or Swedish). */
export const INTERACTION_COLUMN = /^(question|response|right answer|result|fråga|svar|rätt svar|resultat)\s+(\d+)$/i;

/**
 * The generic format, documented in the README: one row per learner attempt, and one row per
 * learner × interaction. Column names are exactly these (any order, any case).
 */
export const GENERIC_ATTEMPT_COLUMNS = [
  'learner_id', 'name', 'email', 'unit', 'institution', 'audience', 'package', 'attempt', 'started', 'last_accessed', 'status', 'score', 'time',
] as const;
export const GENERIC_INTERACTION_COLUMNS = ['learner_id', 'package', 'attempt', 'interaction_id', 'response', 'timestamp'] as const;
export type GenericAttemptColumn = (typeof GENERIC_ATTEMPT_COLUMNS)[number];
export type GenericInteractionColumn = (typeof GENERIC_INTERACTION_COLUMNS)[number];
/** Columns without which a generic file cannot be read. */
export const GENERIC_ATTEMPT_REQUIRED: readonly GenericAttemptColumn[] = ['learner_id', 'status'];
export const GENERIC_INTERACTION_REQUIRED: readonly GenericInteractionColumn[] = ['learner_id', 'interaction_id', 'response'];

/** Every column of the generic format, for the page's mapping form (a file maps to one format or the other). */
export const GENERIC_COLUMNS: readonly string[] = [...new Set<string>([...GENERIC_ATTEMPT_COLUMNS, ...GENERIC_INTERACTION_COLUMNS])];
