export const roProtocolDashboard = {}
