import { defineMessages } from '../../../shared/i18n/messages';

/** The consent screen's own words; the statement itself comes from the core (src/shared/interview/consent-messages.ts). */
export const consentScreenMessages = defineMessages({
  en: {
    title: 'Before you start',
    agree: 'I agree to be recorded as described above.',
    continue: 'Continue',
    back: 'Back',
  },
  ru: {
    title: 'Перед началом',
    agree: 'Я даю согласие на запись, как описано выше.',
    continue: 'Продолжить',
    back: 'Назад',
  },
  th: {
    title: 'ก่อนเริ่ม',
    agree: 'ฉันยินยอมให้บันทึกตามที่อธิบายไว้ข้างต้น',
    continue: 'ดำเนินการต่อ',
    back: 'ย้อนกลับ',
  },
  ar: {
    title: 'قبل أن تبدأ',
    agree: 'أوافق على التسجيل كما هو موضّح أعلاه.',
    continue: 'متابعة',
    back: 'رجوع',
  },
});
