export const roStaff = {}
