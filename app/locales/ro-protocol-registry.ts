export const roProtocolRegistry = {}
