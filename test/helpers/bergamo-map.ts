/**
 * The Camera di commercio di Bergamo's strategic map, the same in its 2020 and 2021 plans (seed 000:717-718 "sono 12
 * divisi in 4 prospettive", seed 002:415-421 mappa strategica): four perspectives numbered 1-4, twelve objectives.
 */
export const BERGAMO_PERSPECTIVES = [
  'SVILUPPO ECONOMICO DELLE IMPRESE E DEL TERRITORIO',
  'SEMPLIFICAZIONE E INNOVAZIONE DEI PROCESSI',
  'APPRENDIMENTO E CRESCITA',
  'ECONOMICO FINANZIARIA',
];

export const BERGAMO_OBJECTIVE_CODES = '1.1 1.2 1.3 1.4 1.5 1.6 2.1 2.2 2.3 3.1 3.2 4.1'.split(' ');
