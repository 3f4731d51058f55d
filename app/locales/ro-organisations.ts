export const roOrganisations = {}
