// Number series (issue 13): the administrator sees and sets each series' next number.
import { NUMBER_SERIES, type NumberSeriesKey, type NumberSeriesRow } from '../../../shared/channels/numberSeries';
import type { Db } from '../db/connection';
import { assertNextNumberAllowed, seriesEditable, type SeriesState } from '../domain/numberSeries';
import { logActivity } from '../repos/activity';
import { GAP_FREE_SERIES, highestUsed, numberInUse, peekNextNumber, setNextNumber } from '../repos/numberSeries';
import { reader, writer, type HandlerMap } from './types';

function stateOf(db: Db, key: NumberSeriesKey): SeriesState {
  const def = NUMBER_SERIES.find((s) => s.key === key)!;
  return { gapFree: GAP_FREE_SERIES.includes(key), highestUsed: highestUsed(db, key), max: def.max };
}

function rowOf(db: Db, key: NumberSeriesKey): NumberSeriesRow {
  const def = NUMBER_SERIES.find((s) => s.key === key)!;
  const state = stateOf(db, key);
  return {
    key,
    numbers: def.numbers,
    nextNumber: peekNextNumber(db, key),
    highestUsed: state.highestUsed,
    gapFree: state.gapFree,
    editable: seriesEditable(state),
    max: state.max,
  };
}

export const numberSeriesHandlers: HandlerMap<'numberSeries.list' | 'numberSeries.save'> = {
  'numberSeries.list': reader((_input, { db }) => NUMBER_SERIES.map((s) => rowOf(db, s.key))),
  'numberSeries.save': writer((input, { db, now, userId }) => {
    const before = peekNextNumber(db, input.series);
    if (input.nextNumber === before) return rowOf(db, input.series);
    assertNextNumberAllowed(stateOf(db, input.series), input.nextNumber, numberInUse(db, input.series, input.nextNumber));
    setNextNumber(db, input.series, input.nextNumber);
    logActivity(db, {
      at: now.toISOString(),
      userId,
      entity: 'company',
      entityId: 1,
      action: 'number_series',
      before: { series: input.series, nextNumber: before },
      after: { series: input.series, nextNumber: input.nextNumber },
    });
    return rowOf(db, input.series);
  }),
};
