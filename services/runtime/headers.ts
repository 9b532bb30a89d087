/** Record headers the runtime sets; they travel unchanged through every stage and into dead letters. */
export const HEADER_RUN_ID = 'hb-run-id';
/** Position of the message in its run's input, so a run can put its outputs back in input order. */
export const HEADER_RUN_INDEX = 'hb-run-index';
export const HEADER_MESSAGE_ID = 'hb-message-id';
/** Set on a redriven record: a redrive never picks up the dead letters its own records cause again. */
export const HEADER_REDRIVE_ID = 'hb-redrive-id';
