export const roAccount = {}
