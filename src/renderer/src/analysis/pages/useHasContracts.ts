import { useQuery } from '../../api/useQuery'

/**
 * Whether the user has any contract at all (in their scope), so an empty 应收/回款 page can say
 * 还没有合同 rather than 没有应收; undefined until known.
 */
export function useHasContracts(): boolean | undefined {
  const { data } = useQuery('contracts.list', { endRow: 1 })
  return data ? data.total > 0 : undefined
}
