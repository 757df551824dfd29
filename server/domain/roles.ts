import { registerEnumType } from 'type-graphql';

/** A user's role in one organisation (issue 7). Each role can do what the ones after it can, and more. */
export enum Role {
  ADMIN = 'admin',
  CONTROLLER = 'controller',
  UNIT_EDITOR = 'unit_editor',
  VIEWER = 'viewer',
}
registerEnumType(Role, {
  name: 'Role',
  description: 'ADMIN: everything in the organisation; CONTROLLER: edits the plan, locks checkpoints, approves; UNIT_EDITOR: actual values of their units; VIEWER (OIV): reads everything, edits nothing',
});
