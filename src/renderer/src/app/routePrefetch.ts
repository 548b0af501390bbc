import { defaultAnalysisRequest } from '../../../shared/analysis/pageRequests'
import { prefetch } from '../api/prefetch'
import { localToday } from './localToday'

/**
 * Asks ahead for the opening request of the screen at `route`, when it is one worth it (a heavy
 * analysis): the request leaves on the move instead of after the screen's code has loaded and rendered.
 */
export function prefetchRoute(route: string): void {
  const request = defaultAnalysisRequest(route, localToday())
  if (request) prefetch(request.channel, request.input)
}
