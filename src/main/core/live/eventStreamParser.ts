export interface StreamEvent {
  event: string
  data: string
}

/**
 * Reads a text/event-stream as it arrives, chunk by chunk (a chunk may end in the
 * middle of a line): calls `onEvent` for each complete event with data, skipping
 * comments (keep-alives) and fields this app does not use. For a client PC's main
 * process reading the host's /events, and for tests.
 */
export function createEventStreamParser(onEvent: (event: StreamEvent) => void): (chunk: string) => void {
  let buffer = ''
  let event = 'message'
  let data: string[] = []
  return (chunk) => {
    buffer += chunk
    const lines = buffer.split(/\r\n|\r|\n/)
    buffer = lines.pop() ?? ''
    for (const line of lines) {
      if (line === '') {
        if (data.length > 0) onEvent({ event, data: data.join('\n') })
        event = 'message'
        data = []
      } else if (line.startsWith('data:')) {
        data.push(line.slice(line.startsWith('data: ') ? 6 : 5))
      } else if (line.startsWith('event:')) {
        event = line.slice(6).trim()
      }
    }
  }
}
