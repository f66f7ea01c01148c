import { defineMessages } from '../../../../shared/i18n/messages';

/**
 * The interviewer's local backup recording: the placeholder drawn into the recording while the candidate's video
 * is missing, and the words the desk shows for each state of useBackupRecording.
 */
export const backupMessages = defineMessages({
  en: {
    waiting: 'Waiting for the candidate',
    idle: 'Local backup: not recording',
    starting: 'Starting the local backup…',
    recording: 'Local backup recording {elapsed}',
    stopping: 'Saving the local backup…',
    stopped: 'Local backup saved; it is finalized and uploaded next',
    failed: 'Local backup stopped: {reason}',
    start: 'Start local backup',
    stop: 'Stop local backup',
  },
  ru: {
    waiting: 'Ждём кандидата',
    idle: 'Локальная копия: запись не идёт',
    starting: 'Запускаем локальную копию…',
    recording: 'Идёт локальная копия {elapsed}',
    stopping: 'Сохраняем локальную копию…',
    stopped: 'Локальная копия сохранена; далее она будет собрана и отправлена',
    failed: 'Локальная копия остановлена: {reason}',
    start: 'Начать локальную копию',
    stop: 'Остановить локальную копию',
  },
  th: {
    waiting: 'กำลังรอผู้สมัคร',
    idle: 'สำเนาในเครื่อง: ไม่ได้บันทึก',
    starting: 'กำลังเริ่มสำเนาในเครื่อง…',
    recording: 'กำลังบันทึกสำเนาในเครื่อง {elapsed}',
    stopping: 'กำลังบันทึกสำเนาในเครื่อง…',
    stopped: 'บันทึกสำเนาในเครื่องแล้ว จะถูกจัดทำและอัปโหลดต่อไป',
    failed: 'สำเนาในเครื่องหยุดแล้ว: {reason}',
    start: 'เริ่มสำเนาในเครื่อง',
    stop: 'หยุดสำเนาในเครื่อง',
  },
  ar: {
    waiting: 'في انتظار المرشّح',
    idle: 'النسخة الاحتياطية المحلية: لا يجري التسجيل',
    starting: 'جارٍ بدء النسخة الاحتياطية المحلية…',
    recording: 'جارٍ تسجيل النسخة الاحتياطية المحلية {elapsed}',
    stopping: 'جارٍ حفظ النسخة الاحتياطية المحلية…',
    stopped: 'حُفظت النسخة الاحتياطية المحلية؛ وستُجهَّز وتُرفع بعد ذلك',
    failed: 'توقفت النسخة الاحتياطية المحلية: {reason}',
    start: 'بدء النسخة الاحتياطية المحلية',
    stop: 'إيقاف النسخة الاحتياطية المحلية',
  },
});
