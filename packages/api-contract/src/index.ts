export { describeIssues } from './describe-issues';
export {
  HEALTH_DEPENDENCIES,
  dependencyHealthSchema,
  dependencyStatusSchema,
  healthReportSchema,
  type DependencyHealth,
  type DependencyName,
  type DependencyStatus,
  type HealthReport,
} from './health';
export type { components, operations, paths } from './generated/api-paths';
export { ROUTE_ROLES, type ApiRoute } from './generated/route-roles';
export { ZALO_CONNECT_ERRORS, type ZaloConnectError } from './zalo-connect-errors';
