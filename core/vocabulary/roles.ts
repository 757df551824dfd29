/** A user's role in one organisation (issue 7). Each role can do what the ones after it can, and more. */
export enum Role {
  ADMIN = 'admin',
  CONTROLLER = 'controller',
  UNIT_EDITOR = 'unit_editor',
  VIEWER = 'viewer',
}
