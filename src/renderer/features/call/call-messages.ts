import { defineMessages } from '../../../shared/i18n/messages';

/**
 * Words for people about a live call: each error kind (naming the provider where it is the provider's doing) and
 * each state. Every error says that the interview is still being recorded: the call never decides that.
 * (Only the table is exported here: every export of a `*-messages.ts` file is checked as a table.)
 */
export const callMessages = defineMessages({
  en: {
    errorUnreachable: 'Cannot reach {provider}. The interview is still being recorded.',
    errorTimeout: 'Cannot reach {provider}: it did not answer in time. The interview is still being recorded.',
    errorAuth: '{provider} did not accept the access key for this call. The interview is still being recorded.',
    errorRejected: '{provider} did not let you join the call. The interview is still being recorded.',
    errorMediaDenied: 'Your camera or microphone could not be sent to the call. The interview is still being recorded.',
    errorKicked: 'You were removed from the call, or the call was closed. The interview is still being recorded.',
    errorDropped: 'The call was lost and could not be reconnected. The interview is still being recorded.',
    errorUnsupported: 'Calls over {provider} do not work on this computer. The interview is still being recorded.',
    errorNotConfigured:
      'Calls over {provider} are not set up on this computer, so you will not see the interviewer here. The interview is still being recorded.',
    stateIdle: 'Not in the call',
    stateConnecting: 'Joining the call…',
    stateConnected: 'In the call',
    stateReconnecting: 'Reconnecting to the call…',
    stateDisconnected: 'Not connected to the call',
    providerDev: 'the development call server',
  },
  ru: {
    errorUnreachable: 'Сервис «{provider}» недоступен. Интервью по-прежнему записывается.',
    errorTimeout: 'Сервис «{provider}» недоступен: он не ответил вовремя. Интервью по-прежнему записывается.',
    errorAuth: 'Сервис «{provider}» не принял ключ доступа к звонку. Интервью по-прежнему записывается.',
    errorRejected: 'Сервис «{provider}» не разрешил подключиться к звонку. Интервью по-прежнему записывается.',
    errorMediaDenied: 'Не удалось передать в звонок изображение с камеры или звук с микрофона. Интервью по-прежнему записывается.',
    errorKicked: 'Вас удалили из звонка, или звонок был закрыт. Интервью по-прежнему записывается.',
    errorDropped: 'Связь со звонком потеряна, и восстановить её не удалось. Интервью по-прежнему записывается.',
    errorUnsupported: 'Звонки через сервис «{provider}» не работают на этом компьютере. Интервью по-прежнему записывается.',
    errorNotConfigured:
      'Звонки через сервис «{provider}» не настроены на этом компьютере, поэтому интервьюера здесь не будет видно. Интервью по-прежнему записывается.',
    stateIdle: 'Вы не в звонке',
    stateConnecting: 'Подключаемся к звонку…',
    stateConnected: 'Вы в звонке',
    stateReconnecting: 'Восстанавливаем связь со звонком…',
    stateDisconnected: 'Нет связи со звонком',
    providerDev: 'тестовый сервер звонков',
  },
  th: {
    errorUnreachable: 'ไม่สามารถเชื่อมต่อกับ {provider} ได้ การสัมภาษณ์ยังคงถูกบันทึกอยู่',
    errorTimeout: 'ไม่สามารถเชื่อมต่อกับ {provider} ได้: ไม่มีการตอบกลับภายในเวลาที่กำหนด การสัมภาษณ์ยังคงถูกบันทึกอยู่',
    errorAuth: '{provider} ไม่ยอมรับรหัสเข้าร่วมการโทรนี้ การสัมภาษณ์ยังคงถูกบันทึกอยู่',
    errorRejected: '{provider} ไม่อนุญาตให้คุณเข้าร่วมการโทร การสัมภาษณ์ยังคงถูกบันทึกอยู่',
    errorMediaDenied: 'ไม่สามารถส่งภาพจากกล้องหรือเสียงจากไมโครโฟนเข้าสู่การโทรได้ การสัมภาษณ์ยังคงถูกบันทึกอยู่',
    errorKicked: 'คุณถูกนำออกจากการโทร หรือการโทรถูกปิดแล้ว การสัมภาษณ์ยังคงถูกบันทึกอยู่',
    errorDropped: 'การโทรขาดหายและไม่สามารถเชื่อมต่อใหม่ได้ การสัมภาษณ์ยังคงถูกบันทึกอยู่',
    errorUnsupported: 'การโทรผ่าน {provider} ใช้งานบนคอมพิวเตอร์เครื่องนี้ไม่ได้ การสัมภาษณ์ยังคงถูกบันทึกอยู่',
    errorNotConfigured: 'การโทรผ่าน {provider} ยังไม่ได้ตั้งค่าบนคอมพิวเตอร์เครื่องนี้ คุณจึงจะไม่เห็นผู้สัมภาษณ์ที่นี่ การสัมภาษณ์ยังคงถูกบันทึกอยู่',
    stateIdle: 'ไม่ได้อยู่ในการโทร',
    stateConnecting: 'กำลังเข้าร่วมการโทร…',
    stateConnected: 'อยู่ในการโทร',
    stateReconnecting: 'กำลังเชื่อมต่อการโทรใหม่…',
    stateDisconnected: 'ไม่ได้เชื่อมต่อกับการโทร',
    providerDev: 'เซิร์ฟเวอร์การโทรสำหรับการพัฒนา',
  },
  ar: {
    errorUnreachable: 'تعذّر الوصول إلى {provider}. لا يزال تسجيل المقابلة مستمرًا.',
    errorTimeout: 'تعذّر الوصول إلى {provider}: لم يصل ردّ في الوقت المحدد. لا يزال تسجيل المقابلة مستمرًا.',
    errorAuth: 'لم يقبل {provider} مفتاح الدخول إلى هذه المكالمة. لا يزال تسجيل المقابلة مستمرًا.',
    errorRejected: 'لم يسمح {provider} بانضمامك إلى المكالمة. لا يزال تسجيل المقابلة مستمرًا.',
    errorMediaDenied: 'تعذّر إرسال صورة الكاميرا أو صوت الميكروفون إلى المكالمة. لا يزال تسجيل المقابلة مستمرًا.',
    errorKicked: 'تمت إزالتك من المكالمة، أو أُغلقت المكالمة. لا يزال تسجيل المقابلة مستمرًا.',
    errorDropped: 'انقطعت المكالمة وتعذّرت إعادة الاتصال بها. لا يزال تسجيل المقابلة مستمرًا.',
    errorUnsupported: 'المكالمات عبر {provider} لا تعمل على هذا الحاسوب. لا يزال تسجيل المقابلة مستمرًا.',
    errorNotConfigured: 'المكالمات عبر {provider} غير مُعدّة على هذا الحاسوب، لذا لن ترى المُحاوِر هنا. لا يزال تسجيل المقابلة مستمرًا.',
    stateIdle: 'لست في المكالمة',
    stateConnecting: 'جارٍ الانضمام إلى المكالمة…',
    stateConnected: 'أنت في المكالمة',
    stateReconnecting: 'جارٍ إعادة الاتصال بالمكالمة…',
    stateDisconnected: 'لست متصلًا بالمكالمة',
    providerDev: 'خادم المكالمات التجريبي',
  },
});
