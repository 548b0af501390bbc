// After `npm install`: prove the SQLite driver loads, and say what to do if it does not.
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
try {
  require('sqlite3')
} catch (error) {
  console.error(`
[客情管家] SQLite 驱动 (sqlite3) 无法加载：${error.message}
  它需要在本机编译：请安装 C++ 编译工具（Windows: "Visual Studio Build Tools"，勾选"使用 C++ 的桌面开发"；
  Linux: build-essential python3），然后重新运行 npm install。
[kqgj] The sqlite3 driver did not load. It compiles from source: install C++ build tools
  (Windows: Visual Studio Build Tools with "Desktop development with C++"; Linux: build-essential, python3)
  and run npm install again. Offline machines: set npm_config_nodedir to a folder with Node's headers.
`)
  process.exit(1)
}
