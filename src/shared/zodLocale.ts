import { z } from 'zod'

// Schemas without a message of their own still answer in Chinese.
z.config(z.locales.zhCN())
