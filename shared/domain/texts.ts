/**
 * Texts shown in more than one place (screens and paper), defined once so they read the same
 * everywhere and a change of wording is one edit.
 */

/** A promised date counted through a year whose holidays are not entered yet. */
export const DEADLINE_UNCERTAIN = '节假日安排未录入，日期可能调整';

/** '2027 年节假日安排未录入，日期可能调整' (years joined with 、). */
export function uncoveredYearsText(years: readonly number[]): string {
  return `${years.join('、')} 年${DEADLINE_UNCERTAIN}`;
}

/** 查看原因: why a masked ID number or phone is revealed (the last one asks for a few words). */
export const REVEAL_REASONS = ['核对身份办理业务', '联系居民', '填写上级部门报表', '其他（请说明）'] as const;
export const REVEAL_OTHER = '其他（请说明）';

/** 保密承诺: shown at each staff member's first sign-in and again every year; accepted once each time. */
export const PLEDGE_TITLE = '个人信息保密承诺';
export const PLEDGE_LINES: readonly string[] = [
  '依法保护居民个人信息，只在办理业务需要时查看、使用居民的身份证号、联系电话和住址。',
  '不泄露、不转发、不拍照：不把居民信息告诉无关人员，不用手机拍摄屏幕或材料，不在微信群等处转发。',
  '查看完整身份证号、电话须说明原因，系统记录在案；打印件注明打印人和时间，用后妥善保管或销毁。',
  '离开工位时锁屏或退出登录，不把账号、密码告诉他人，不替他人登录。',
  '发现信息泄露或可疑情况，立即报告站长。',
];
export const PLEDGE_ACCEPT = '我已阅读并承诺';
