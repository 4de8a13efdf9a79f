import { expect, type Locator, type Page } from '@playwright/test';

export type ProblemForm = { title: string; category: string; place?: string; grid?: string; resident?: string };

/**
 * 联席会议 (Alt+5): the problem pool (登记问题, 合并), the meetings (安排会议) and one meeting's page
 * (its agenda entries, 作出决定, 讨论记录, 登记召开, the papers); the guests list kept in 设置.
 */
export class MeetingsPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.keyboard.press('Alt+5');
    await expect(this.page.getByRole('heading', { name: '联席会议', level: 1 })).toBeVisible();
  }

  async view(name: '问题库' | '会议'): Promise<void> {
    await this.page
      .getByRole('tablist', { name: '联席会议视图' })
      .getByRole('tab', { name: new RegExp(`^${name}`) })
      .click();
  }

  get pool(): Locator {
    return this.page.getByRole('table', { name: '问题列表' });
  }

  poolRow(title: string): Locator {
    return this.pool.getByRole('row').filter({ hasText: title });
  }

  /** 登记问题 (source 入户走访): fills the dialog; `submit` false leaves it open for a refusal. */
  async registerProblem(p: ProblemForm, submit = true): Promise<Locator> {
    const { page } = this;
    await page.getByRole('button', { name: '登记问题' }).click();
    const dialog = page.getByRole('dialog', { name: '登记问题' });
    await dialog.getByLabel('问题（一句话）').fill(p.title);
    await dialog.getByLabel('问题类别').selectOption(p.category);
    if (p.grid) await dialog.getByLabel('网格').selectOption({ label: p.grid });
    if (p.place) await dialog.getByLabel('地点').fill(p.place);
    if (p.resident) {
      await dialog.getByLabel(/反映居民/).fill(p.resident);
      await dialog
        .getByRole('button', { name: new RegExp(p.resident) })
        .first()
        .click();
    }
    if (submit) {
      await dialog.getByRole('button', { name: '登记问题' }).click();
      await expect(dialog).toHaveCount(0);
    }
    return dialog;
  }

  /** 合并重复问题: `keep` takes the reports of `duplicates` (titles). */
  async merge(keep: string, duplicates: string[]): Promise<void> {
    const { page } = this;
    await page.getByRole('button', { name: '合并重复问题' }).click();
    const dialog = page.getByRole('dialog', { name: '合并重复问题' });
    const keepOption = dialog.getByLabel('保留的问题').locator('option').filter({ hasText: keep });
    await dialog.getByLabel('保留的问题').selectOption({ label: (await keepOption.textContent()) ?? keep });
    for (const d of duplicates) await dialog.getByRole('checkbox', { name: new RegExp(`^${d}`) }).check();
    await dialog.getByRole('button', { name: '合并', exact: true }).click();
    await expect(dialog).toHaveCount(0);
  }

  /** 会议 → 安排会议 on the day proposed (or `day`); lands on the meeting's page. */
  async planMeeting(expectedDefault: string, day?: string): Promise<void> {
    const { page } = this;
    await this.view('会议');
    await page.getByRole('button', { name: '安排会议' }).click();
    const dialog = page.getByRole('dialog', { name: '安排会议' });
    await expect(dialog.getByLabel('会议日期')).toHaveValue(expectedDefault);
    if (day) await dialog.getByLabel('会议日期').fill(day);
    await dialog.getByRole('button', { name: '安排会议并生成议程' }).click();
    await expect(page.getByRole('heading', { name: /^联席会议 \d{4}-/, level: 1 })).toBeVisible();
  }

  get status(): Locator {
    return this.page.getByLabel('会议状态');
  }

  get agenda(): Locator {
    return this.page.getByRole('region', { name: /^会议议程/ });
  }

  get progress(): Locator {
    return this.page.getByRole('table', { name: '上次会议决定落实情况' });
  }

  /** The agenda entry with this title. */
  entry(title: string): Locator {
    return this.page.getByRole('article', { name: title });
  }

  /** 作出决定 on an entry: opens the dialog, chooses the decision, lets `fill` fill it. */
  async startDecision(title: string, type: string): Promise<Locator> {
    await this.page.getByRole('button', { name: `作出决定：${title}` }).click();
    const dialog = this.page.getByRole('dialog', { name: '作出决定' });
    await dialog.getByRole('radio', { name: new RegExp(`^${type}`) }).check();
    return dialog;
  }

  async decide(title: string, type: string, fill: (dialog: Locator) => Promise<unknown>): Promise<void> {
    const dialog = await this.startDecision(title, type);
    await fill(dialog);
    await dialog.getByRole('button', { name: '确定决定' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(this.page.getByLabel(`决定：${title}`)).toBeVisible();
  }

  async discuss(title: string, text: string): Promise<void> {
    await this.page.getByRole('button', { name: `讨论记录：${title}` }).click();
    const dialog = this.page.getByRole('dialog', { name: '讨论记录' });
    await dialog.getByLabel('讨论情况').fill(text);
    await this.page.keyboard.press('Control+Enter');
    await expect(dialog).toHaveCount(0);
  }

  /** 登记召开: everyone present but `absent`, with the summary (and when it was held, if not now). */
  async hold(absent: string[], summary: string, heldAt?: string): Promise<void> {
    const { page } = this;
    await page.getByRole('button', { name: '登记召开' }).click();
    const dialog = page.getByRole('dialog', { name: '登记召开' });
    if (heldAt) await dialog.getByLabel('实际召开时间').fill(heldAt);
    await dialog.getByRole('button', { name: '全部出席' }).click();
    for (const name of absent) await dialog.getByRole('checkbox', { name: new RegExp(`^${name}（`) }).uncheck();
    await dialog.getByLabel('会议小结').fill(summary);
    await dialog.getByRole('button', { name: '确定登记召开' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(this.status).toHaveText('已召开');
  }

  /** 添加参会人员 (or 修改 `editing`) on the meeting being prepared: unit, name, role. */
  async saveGuest(g: { unit: string; name: string; role: string }, editing?: string): Promise<void> {
    const { page } = this;
    const attendance = page.getByRole('region', { name: '参会人员' });
    await (
      editing
        ? attendance.getByRole('button', { name: `修改参会人员：${editing}` })
        : attendance.getByRole('button', { name: '添加参会人员' })
    ).click();
    const dialog = page.getByRole('dialog', { name: editing ? '修改参会人员' : '添加参会人员' });
    await dialog.getByLabel('单位').fill(g.unit);
    await dialog.getByLabel('姓名').fill(g.name);
    await dialog.getByLabel('身份').fill(g.role);
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toHaveCount(0);
  }

  /** 设置 → 联席会议: adds people who attend and are not app users (as an admin). */
  async addGuests(guests: { name: string; role: string }[]): Promise<void> {
    const { page } = this;
    await page.keyboard.press('Alt+9');
    await page.getByRole('tablist', { name: '设置分类' }).getByRole('tab', { name: '联席会议' }).click();
    const form = page.getByRole('form', { name: '添加参会人员' });
    for (const g of guests) {
      await form.getByLabel('参会人员姓名').fill(g.name);
      await form.getByLabel('身份').fill(g.role);
      await form.getByRole('button', { name: '添加' }).click();
      await expect(page.getByRole('table', { name: '联席会议参会名单' })).toContainText(g.name);
    }
  }
}
