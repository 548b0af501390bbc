import { Foundation1795400000001 } from './m0001Foundation'
import { Customers1795400000002 } from './m0002Customers'
import { Activity1795400000003 } from './m0003Activity'
import { RelationshipAssessment1795400000004 } from './m0004RelationshipAssessment'
import { Projects1795400000005 } from './m0005Projects'
import { Reminders1795400000006 } from './m0006Reminders'
import { Analysis1795400000007 } from './m0007Analysis'
import { ReminderIndexes1795400000008 } from './m0008ReminderIndexes'
import { AnalysisIndexes1795400000009 } from './m0009AnalysisIndexes'
import { ContactPinyin1795400000010 } from './m0010ContactPinyin'
import { ContactPhoneIndexes1795400000011 } from './m0011ContactPhoneIndexes'
import { InvisibleNameKeys1795400000012 } from './m0012InvisibleNameKeys'
import { StaffAccounts1795400000013 } from './m0013StaffAccounts'
import { EditVersions1795400000014 } from './m0014EditVersions'
import { Contracts1795400000015 } from './m0015Contracts'

/**
 * Every migration, in order. The schema version (PRAGMA user_version) is the
 * number of migrations applied (each migration sets it as its last step); a file with a higher version came from a newer app.
 */
export const migrations = [
  Foundation1795400000001,
  Customers1795400000002,
  Activity1795400000003,
  RelationshipAssessment1795400000004,
  Projects1795400000005,
  Reminders1795400000006,
  Analysis1795400000007,
  ReminderIndexes1795400000008,
  AnalysisIndexes1795400000009,
  ContactPinyin1795400000010,
  ContactPhoneIndexes1795400000011,
  InvisibleNameKeys1795400000012,
  StaffAccounts1795400000013,
  EditVersions1795400000014,
  Contracts1795400000015,
]
export const latestSchemaVersion = migrations.length
