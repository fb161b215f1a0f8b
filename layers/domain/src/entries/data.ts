// Profiles and items; DataApiFunction's wiring is apps/data-api.ts.

export { dataApiConfig } from '../config';
export type { DataApiConfig } from '../config';
export {
  applyItemPatch,
  assertItemFits,
  ItemContentSchema,
  ItemPatchSchema,
  MAX_ITEM_BYTES,
  parseNewItem,
} from '../items/item';
export type { Item, ItemContent, ItemVisibility } from '../items/item';
export type { ItemPage, ItemStore } from '../items/item-store';
export { DynamoDbItemStore } from '../items/dynamodb-item-store';
export { ItemOperations } from '../items/item-operations';
export type { ItemList } from '../items/item-operations';

export {
  applyProfilePatch,
  newProfile,
  ProfilePatchSchema,
  roleFromGroups,
} from '../profiles/profile';
export type { AccountStatus, Profile, Role } from '../profiles/profile';
export type { ProfileStore, StoredProfile } from '../profiles/profile-store';
export { DynamoDbProfileStore } from '../profiles/dynamodb-profile-store';
export { ProfileOperations } from '../profiles/profile-operations';
