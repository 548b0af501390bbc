/**
 * A data folder on another machine: a UNC path (\\server\share, //server/share,
 * \\?\UNC\server\share), or one the platform reports as remote (a mapped
 * drive). SQLite's WAL needs shared memory between every connection, which a
 * network file system does not give: two PCs on one share can corrupt it.
 */
export function isNetworkPath(path: string, reportedRemote = false): boolean {
  if (reportedRemote) return true
  return /^(\\\\\?\\UNC\\|\\\\(?!\?\\|\.\\)[^\\/]+[\\/][^\\/]+|\/\/[^/\\]+\/[^/\\]+)/i.test(path)
}

export function networkShareWarning(path: string, reportedRemote = false): string | null {
  if (!isNetworkPath(path, reportedRemote)) return null
  return (
    `数据文件夹在网络共享上（${path}）。客情管家的数据库不能放在网络共享中使用：` +
    '多台电脑同时打开会损坏数据，网络中断也可能丢失刚保存的内容。请把数据文件夹放在本机硬盘上，' +
    '需要时把备份文件夹设到共享位置。'
  )
}
