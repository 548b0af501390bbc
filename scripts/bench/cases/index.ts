import type { BenchCase } from '../benchCase'
import { customerCases } from './customers'

/** Every benchmark case, in the order the table prints them. Each issue adds its file here. */
export const benchCases: BenchCase[] = [...customerCases]
