import { defineMessages } from '../../../shared/i18n/messages';

/** The home screen's offer to continue (or submit) an interrupted interview. */
export const resumeMessages = defineMessages({
  en: {
    title: 'Your interview “{title}” was interrupted',
    kept: 'What you recorded ({duration}) is kept. You can continue where you stopped, or send what was recorded.',
    continueAt: 'Continue at question {question}',
    submit: 'Submit what was recorded',
    submitting: 'Sending…',
    scriptChanged: 'It cannot be continued here, because another interview is open now. What was recorded can still be sent.',
    allAnswered: 'You answered every question; only sending the recording is left.',
    submitFailed: 'It could not be sent: {message}',
  },
  ru: {
    title: 'Ваше интервью «{title}» было прервано',
    kept: 'Записанное ({duration}) сохранено. Можно продолжить с того места, где вы остановились, или отправить то, что уже записано.',
    continueAt: 'Продолжить с вопроса {question}',
    submit: 'Отправить записанное',
    submitting: 'Отправляем…',
    scriptChanged: 'Продолжить здесь нельзя: сейчас открыто другое интервью. Записанное всё равно можно отправить.',
    allAnswered: 'Вы ответили на все вопросы — осталось только отправить запись.',
    submitFailed: 'Не удалось отправить: {message}',
  },
  th: {
    title: 'การสัมภาษณ์ “{title}” ของคุณถูกขัดจังหวะ',
    kept: 'สิ่งที่บันทึกไว้ ({duration}) ยังอยู่ครบ คุณทำต่อจากจุดที่หยุดได้ หรือส่งเท่าที่บันทึกไว้',
    continueAt: 'ทำต่อที่คำถามข้อ {question}',
    submit: 'ส่งเท่าที่บันทึกไว้',
    submitting: 'กำลังส่ง…',
    scriptChanged: 'ทำต่อที่นี่ไม่ได้ เพราะตอนนี้เปิดการสัมภาษณ์อื่นอยู่ แต่ยังส่งสิ่งที่บันทึกไว้ได้',
    allAnswered: 'คุณตอบครบทุกคำถามแล้ว เหลือเพียงส่งวิดีโอ',
    submitFailed: 'ส่งไม่สำเร็จ: {message}',
  },
  ar: {
    title: 'انقطعت مقابلتك «{title}»',
    kept: 'ما سجّلته ({duration}) محفوظ. يمكنك المتابعة من حيث توقفت، أو إرسال ما سُجّل.',
    continueAt: 'المتابعة من السؤال {question}',
    submit: 'إرسال ما سُجّل',
    submitting: 'جارٍ الإرسال…',
    scriptChanged: 'لا يمكن المتابعة هنا لأن مقابلة أخرى مفتوحة الآن، لكن يمكن إرسال ما سُجّل.',
    allAnswered: 'أجبت عن جميع الأسئلة، ولم يبقَ إلا إرسال التسجيل.',
    submitFailed: 'تعذّر الإرسال: {message}',
  },
});
