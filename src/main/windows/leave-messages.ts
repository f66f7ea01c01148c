import { defineMessages } from '../../shared/i18n/messages';

/** The native "leave the interview?" dialog, in the candidate's language. */
export const leaveMessages = defineMessages({
  en: {
    title: 'Leave the interview?',
    detail: 'Your recording is kept and you can continue where you stopped.',
    stay: 'Stay',
    leave: 'Leave',
  },
  ru: {
    title: 'Выйти из интервью?',
    detail: 'Запись сохранится, и вы сможете продолжить с того места, где остановились.',
    stay: 'Остаться',
    leave: 'Выйти',
  },
  th: {
    title: 'ออกจากการสัมภาษณ์หรือไม่',
    detail: 'สิ่งที่บันทึกไว้จะยังอยู่ และคุณทำต่อจากจุดที่หยุดได้',
    stay: 'อยู่ต่อ',
    leave: 'ออก',
  },
  ar: {
    title: 'هل تريد مغادرة المقابلة؟',
    detail: 'سيُحفظ تسجيلك ويمكنك المتابعة من حيث توقفت.',
    stay: 'البقاء',
    leave: 'المغادرة',
  },
});
