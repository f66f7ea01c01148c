import { z } from 'zod';
import { defineMessages, translator } from '../i18n/messages';
import { cloudSessionSchema } from './cloud';

/**
 * The interviewer's cloud recording as the REC indicator shows it: a closed set, so every state has words.
 * `starting` is the start sent and not yet answered; `backend-unreachable` means the backend gave no usable answer
 * to the last call (start or health query), so nobody can say the cloud is recording.
 */
export const cloudHealthStates = [
  'starting',
  'recording',
  'no-cloud-storage',
  'backend-unreachable',
  'stop-pending',
  'stopped',
  'failed',
] as const;
export type CloudHealthState = (typeof cloudHealthStates)[number];

/** What `cloudRecordingHealth` answers: the health, the backend's own words behind it, and the session. */
export const cloudRecordingHealthSchema = z.object({
  sessionId: z.string(),
  health: z.enum(cloudHealthStates),
  /** The backend's status or error in its words (for "Details"); null when there is nothing to add. */
  detail: z.string().nullable(),
  /** When the backend was last asked; null before the first health query. */
  checkedAt: z.string().nullable(),
  session: cloudSessionSchema,
});
export type CloudRecordingHealth = z.infer<typeof cloudRecordingHealthSchema>;

/**
 * The words the Agora client uses when a stop returns no files: the health reads the session's error by them, so
 * they are defined once, here (agora-cloud-recording-setup.md: no storageConfig, nowhere to upload).
 */
export const NO_CLOUD_STORAGE_WORDS = 'the recording backend has no cloud storage configured';

/** The REC indicator's sentence for each health, in every shipped language. */
export const cloudHealthMessages = defineMessages<CloudHealthState>({
  en: {
    starting: 'Starting the cloud recording…',
    recording: 'Recording in progress',
    'no-cloud-storage': 'Backend has no cloud storage configured',
    'backend-unreachable': 'Not recording: the backend did not answer',
    'stop-pending': 'Stop pending: it is sent as soon as the backend answers',
    stopped: 'Cloud recording stopped',
    failed: 'The cloud recording failed',
  },
  ru: {
    starting: 'Запуск облачной записи…',
    recording: 'Идёт запись',
    'no-cloud-storage': 'На сервере записи не настроено облачное хранилище',
    'backend-unreachable': 'Запись не идёт: сервер не ответил',
    'stop-pending': 'Остановка ожидает отправки: она уйдёт, как только сервер ответит',
    stopped: 'Облачная запись остановлена',
    failed: 'Облачная запись не удалась',
  },
  th: {
    starting: 'กำลังเริ่มการบันทึกบนคลาวด์…',
    recording: 'กำลังบันทึก',
    'no-cloud-storage': 'เซิร์ฟเวอร์บันทึกยังไม่ได้ตั้งค่าพื้นที่จัดเก็บบนคลาวด์',
    'backend-unreachable': 'ไม่ได้บันทึก: เซิร์ฟเวอร์ไม่ตอบสนอง',
    'stop-pending': 'รอส่งคำสั่งหยุด: จะส่งทันทีที่เซิร์ฟเวอร์ตอบสนอง',
    stopped: 'หยุดการบันทึกบนคลาวด์แล้ว',
    failed: 'การบันทึกบนคลาวด์ล้มเหลว',
  },
  ar: {
    starting: 'جارٍ بدء التسجيل السحابي…',
    recording: 'التسجيل جارٍ',
    'no-cloud-storage': 'لم يُضبط تخزين سحابي على خادم التسجيل',
    'backend-unreachable': 'لا يوجد تسجيل: الخادم لم يستجب',
    'stop-pending': 'الإيقاف معلّق: سيُرسَل فور استجابة الخادم',
    stopped: 'توقف التسجيل السحابي',
    failed: 'فشل التسجيل السحابي',
  },
});

/** Whether the cloud is recording right now: the REC indicator is red only then. */
export const isCloudRecording = (health: CloudHealthState): boolean => health === 'recording';

/** The health's sentence in a locale's language (English when the language does not ship). */
export function describeCloudHealth(health: CloudHealthState, locale = 'en'): string {
  return translator(cloudHealthMessages, locale)(health);
}
