import { defaultAnalysisRequest } from '../../../shared/analysis/pageRequests'
import { liveTopicNames } from '../../../shared/liveTopics'
import { prefetch } from '../api/prefetch'
import { localToday } from './localToday'

/**
 * What an analysis is computed from: everything but the reminders. The 工作台's reminder scan
 * announces a change on every visit, often just after the move away from it, and would otherwise
 * throw the answer away each time.
 */
const analysisDependsOn = liveTopicNames.filter((topic) => topic !== 'reminders')

/**
 * Asks ahead for the opening request of the screen at `route`, when it is one worth it (a heavy
 * analysis): the request leaves on the move instead of after the screen's code has loaded and rendered.
 */
export function prefetchRoute(route: string): Promise<unknown> | undefined {
  const request = defaultAnalysisRequest(route, localToday())
  return request ? prefetch(request.channel, request.input, analysisDependsOn) : undefined
}
