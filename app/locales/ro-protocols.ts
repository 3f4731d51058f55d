export const roProtocols = {}
