export const roAdmin = {}
