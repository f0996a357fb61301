/**
 * Every command and card action of the bot, registered on the teams-ai application in one place.
 * Each feature's routes live in their own file; the order below is the order teams-ai tries them.
 */
import type { BotApplication, RegisteredRoutes } from '../create-bot';
import { homeCardFor, registerHomeRoutes } from './home-routes';
import type { RouteTools } from '../gate';
import { registerBoardRoutes } from './board-routes';
import { registerChannelRoutes } from './channel-routes';
import { registerClosureRoutes } from './closure-routes';
import { registerEngagementRoutes } from './engagement-routes';
import { registerExternalRoutes } from './external-routes';
import { registerHistoryRoutes } from './history-routes';
import { registerIssueRoutes } from './issue-routes';
import { registerPeopleRoutes } from './people-routes';
import { registerLetterRoutes } from './letter-routes';
import { registerListRoutes } from './list-routes';
import { registerRecordRoutes } from './record-routes';
import { registerReminderRoutes } from './reminder-routes';
import { registerReportRoutes } from './report-routes';
import { registerRevisitRoutes } from './revisit-routes';
import { registerMonitoringRoutes } from './monitoring-routes';

/** Registers every feature's routes (called by `createBot` between `help` and the catch-alls). */
export function registerRoutes(app: BotApplication, tools: RouteTools): RegisteredRoutes {
  registerHomeRoutes(app, tools);
  registerIssueRoutes(app, tools);
  registerChannelRoutes(app, tools);
  // Before the record routes: `show BUC-1-R1` opens a revisit, not a record.
  registerRevisitRoutes(app, tools);
  registerMonitoringRoutes(app, tools);
  registerRecordRoutes(app, tools);
  registerListRoutes(app, tools);
  registerHistoryRoutes(app, tools);
  registerClosureRoutes(app, tools);
  registerReminderRoutes(app, tools);
  registerEngagementRoutes(app, tools);
  registerBoardRoutes(app, tools);
  registerReportRoutes(app, tools);
  registerPeopleRoutes(app, tools);
  registerLetterRoutes(app, tools);
  registerExternalRoutes(app, tools);
  return { home: homeCardFor(tools) };
}
