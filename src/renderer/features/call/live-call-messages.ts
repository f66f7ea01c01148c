import { defineMessages } from '../../../shared/i18n/messages';

/** The live call's line on the interview screen, beside the words of call-messages.ts. */
export const liveCallMessages = defineMessages({
  en: {
    label: 'Live call',
    downFor: 'down for {seconds} s',
    interviewer: 'The interviewer',
    waiting: 'Waiting for the interviewer to join…',
  },
  ru: {
    label: 'Звонок',
    downFor: 'нет связи {seconds} с',
    interviewer: 'Интервьюер',
    waiting: 'Ждём, когда подключится интервьюер…',
  },
  th: {
    label: 'การโทรสด',
    downFor: 'ขาดการเชื่อมต่อ {seconds} วินาที',
    interviewer: 'ผู้สัมภาษณ์',
    waiting: 'กำลังรอผู้สัมภาษณ์เข้าร่วม…',
  },
  ar: {
    label: 'مكالمة مباشرة',
    downFor: 'منقطعة منذ {seconds} ث',
    interviewer: 'المُحاوِر',
    waiting: 'في انتظار انضمام المُحاوِر…',
  },
});
