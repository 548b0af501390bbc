import { useEffect, useState } from 'react'

/** The screen is kept in the URL hash (#/settings/dictionary), so a reload returns to it. */
export function useHashRoute(fallback: string): [string, (route: string) => void] {
  const read = (): string => decodeURIComponent(window.location.hash.replace(/^#/, '')) || fallback
  const [route, setRoute] = useState(read)
  useEffect(() => {
    const onChange = (): void => setRoute(read())
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  })
  return [route, (next) => (window.location.hash = next)]
}
