import { defineMessages } from '../../../shared/i18n/messages';

/** What the candidate is told about a link that opens an interview. */
export const linkMessages = defineMessages({
  en: {
    waitingTitle: 'A link to another interview arrived',
    waitingBody: 'It opens when this interview is over{host, select, none {} other { (from {host})}}. Nothing is interrupted.',
    failedTitle: 'The interview link could not be opened',
    failedBody: '{error} The interview shown below is unchanged.',
    dismiss: 'Dismiss',
  },
  ru: {
    waitingTitle: 'Пришла ссылка на другое собеседование',
    waitingBody: 'Оно откроется, когда это собеседование закончится{host, select, none {} other { (с {host})}}. Ничего не прерывается.',
    failedTitle: 'Не удалось открыть ссылку на собеседование',
    failedBody: '{error} Собеседование ниже не изменилось.',
    dismiss: 'Скрыть',
  },
  th: {
    waitingTitle: 'มีลิงก์ไปยังการสัมภาษณ์อื่นเข้ามา',
    waitingBody: 'จะเปิดเมื่อการสัมภาษณ์นี้จบ{host, select, none {} other { (จาก {host})}} ไม่มีสิ่งใดถูกขัดจังหวะ',
    failedTitle: 'ไม่สามารถเปิดลิงก์การสัมภาษณ์ได้',
    failedBody: '{error} การสัมภาษณ์ด้านล่างไม่มีการเปลี่ยนแปลง',
    dismiss: 'ปิด',
  },
  ar: {
    waitingTitle: 'وصل رابط لمقابلة أخرى',
    waitingBody: 'ستُفتح عند انتهاء هذه المقابلة{host, select, none {} other { (من {host})}}. لن يتوقف شيء.',
    failedTitle: 'تعذّر فتح رابط المقابلة',
    failedBody: '{error} المقابلة المعروضة أدناه لم تتغير.',
    dismiss: 'إغلاق',
  },
});
