/** A role's modules to mutate and the unit tests that pin them, paths from the repository root. */
export interface MutationRole {
  modules: string[];
  tests: string[];
}

export const mutationRoles: Record<string, MutationRole>;
