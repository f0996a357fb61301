/**
 * The domain clock: pure date rules for CoC Monitor, every date in Europe/London.
 * Time is always a parameter (`today`, `now`); nothing here reads the system clock.
 */
export * from './clock-error';
export * from './local-date';
export * from './london-time';
export * from './bank-holidays';
export * from './working-days';
export * from './due-dates';
export * from './obligations';
export * from './typed-date';
