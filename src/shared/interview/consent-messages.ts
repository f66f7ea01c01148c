import { defineMessages } from '../i18n/messages';

/**
 * The consent statement's sentences. Names (title, organization) are values inside each language's own sentence,
 * so a Russian organization reads as Russian grammar wants, never as English words around it.
 */
export const consentMessages = defineMessages({
  en: {
    recorded:
      'This interview ("{title}", {questions, plural, one {# question} other {# questions}}, at most about {minutes, plural, one {# minute} other {# minutes}}) records your camera, your microphone and the spoken questions.',
    keptLocally: 'The recording is saved on this computer first, so nothing is lost if the connection drops.',
    uploaded: 'It is then uploaded to {organization} and kept for {days, plural, one {# day} other {# days}}.',
    uploadedToTeam: 'It is then uploaded to the hiring team and kept for {days, plural, one {# day} other {# days}}.',
    noted:
      'While recording, the app notes when this window loses focus or is hidden, when fullscreen is left, when displays change and when the camera or microphone stops.',
  },
  ru: {
    recorded:
      'Во время этого собеседования («{title}», {questions, plural, one {# вопрос} few {# вопроса} many {# вопросов} other {# вопроса}}, примерно до {minutes, plural, one {# минуты} few {# минут} many {# минут} other {# минуты}}) записываются ваша камера, ваш микрофон и звучащие вопросы.',
    keptLocally: 'Запись сначала сохраняется на этом компьютере, поэтому при обрыве связи ничего не пропадёт.',
    uploaded:
      'Затем она будет передана организации «{organization}» и будет храниться {days, plural, one {# день} few {# дня} many {# дней} other {# дня}}.',
    uploadedToTeam:
      'Затем она будет передана команде по подбору персонала и будет храниться {days, plural, one {# день} few {# дня} many {# дней} other {# дня}}.',
    noted:
      'Во время записи приложение отмечает, когда это окно теряет фокус или скрывается, когда вы выходите из полноэкранного режима, когда меняются дисплеи и когда камера или микрофон перестают работать.',
  },
  th: {
    recorded:
      'การสัมภาษณ์นี้ (“{title}” {questions, plural, other {# คำถาม}} ใช้เวลาไม่เกินประมาณ {minutes, plural, other {# นาที}}) จะบันทึกภาพจากกล้อง เสียงจากไมโครโฟนของคุณ และเสียงคำถามที่อ่านให้ฟัง',
    keptLocally: 'การบันทึกจะเก็บไว้ในคอมพิวเตอร์เครื่องนี้ก่อน จึงไม่มีอะไรสูญหายแม้การเชื่อมต่อจะขาดหาย',
    uploaded: 'จากนั้นจะอัปโหลดไปยัง {organization} และเก็บไว้ {days, plural, other {# วัน}}',
    uploadedToTeam: 'จากนั้นจะอัปโหลดไปยังทีมสรรหาบุคลากร และเก็บไว้ {days, plural, other {# วัน}}',
    noted: 'ระหว่างการบันทึก แอปจะจดไว้เมื่อหน้าต่างนี้ไม่ได้อยู่ในโฟกัสหรือถูกซ่อน เมื่อออกจากโหมดเต็มหน้าจอ เมื่อจอภาพเปลี่ยนไป และเมื่อกล้องหรือไมโครโฟนหยุดทำงาน',
  },
  ar: {
    recorded:
      'تُسجِّل هذه المقابلة («{title}»، {questions, plural, zero {بلا أسئلة} one {سؤال واحد} two {سؤالان} few {# أسئلة} many {# سؤالًا} other {# سؤال}}، حتى {minutes, plural, zero {# دقيقة} one {دقيقة واحدة} two {دقيقتين} few {# دقائق} many {# دقيقة} other {# دقيقة}} تقريبًا) الكاميرا والميكروفون لديك والأسئلة المنطوقة.',
    keptLocally: 'يُحفَظ التسجيل على هذا الحاسوب أولًا، فلا يضيع شيء إذا انقطع الاتصال.',
    uploaded:
      'ثم يُرفَع إلى {organization} ويُحتفَظ به لمدة {days, plural, zero {# يوم} one {يوم واحد} two {يومين} few {# أيام} many {# يومًا} other {# يوم}}.',
    uploadedToTeam:
      'ثم يُرفَع إلى فريق التوظيف ويُحتفَظ به لمدة {days, plural, zero {# يوم} one {يوم واحد} two {يومين} few {# أيام} many {# يومًا} other {# يوم}}.',
    noted:
      'أثناء التسجيل، يُلاحظ التطبيق متى تفقد هذه النافذة التركيز أو تُخفى، ومتى يُغادَر وضع ملء الشاشة، ومتى تتغيّر الشاشات، ومتى تتوقف الكاميرا أو الميكروفون.',
  },
});
