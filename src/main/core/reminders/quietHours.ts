/**
 * Whether `time` (HH:mm) falls in the quiet hours [start, end). A span whose end
 * is not after its start runs over midnight (22:00–08:00); equal ends mean none.
 */
export function inQuietHours(time: string, start: string, end: string): boolean {
  if (start === end) return false
  return start < end ? time >= start && time < end : time >= start || time < end
}
