/**
 * Puts text on the clipboard. The desktop shell grants the page no permissions, so
 * the async Clipboard API may be refused there; the older copy command works from a
 * click without one.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    const area = document.createElement('textarea')
    area.value = text
    area.setAttribute('readonly', '')
    area.style.position = 'fixed'
    area.style.opacity = '0'
    document.body.appendChild(area)
    area.select()
    // Deprecated but still the one path that needs no permission.
    const copied = document.execCommand('copy')
    area.remove()
    return copied
  }
}
