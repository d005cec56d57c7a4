"""Simplified Chinese for every ``self.tr`` string of the Concepts tab, for the translation issue.

Keys are the English source strings exactly as they appear in ``concepts.py``
(``%1``-style placeholders kept), values the Chinese text. The translation
issue can load this dict into the ``.ts`` file; ``tests/ui/test_concepts_zh.py``
checks that every key is still a string of the tab and every ``tr`` string
has a translation, so the two cannot drift apart silently.
"""
from __future__ import annotations

ZH: dict[str, str] = {
    # step bar
    "|◀ Start": "|◀ 开头",
    "◀ Back": "◀ 上一步",
    "Step ▶": "下一步 ▶",
    "▶ Play": "▶ 播放",
    "⏸ Pause": "⏸ 暂停",
    "End ▶|": "结尾 ▶|",
    "Speed": "速度",
    # controls
    "Digit %1": "数字 %1",
    "Blank (draw)": "空白（手绘）",
    "Input": "输入",
    "Size": "大小",
    "Kernel": "卷积核",
    "Stride": "步幅",
    "Padding": "填充",
    "Values": "数值",
    "edge": "边缘",
    "vertical edge": "竖直边缘",
    "horizontal edge": "水平边缘",
    "blur": "模糊",
    "sharpen": "锐化",
    "identity": "恒等",
    "random": "随机",
    "edited by hand": "手动编辑",
    "Pool size": "池化窗口",
    "Keep": "保留",
    "max": "最大值",
    "average": "平均值",
    "mean": "平均",
    "kernel": "卷积核",
    "pooling window": "池化窗口",
    # page buttons
    "Convolution": "卷积",
    "Pooling": "池化",
    "Weights: Dense vs Conv": "权重：Dense 与卷积",
    "Receptive field": "感受野",
    # canvas titles and captions
    "Input %1×%2": "输入 %1×%2",
    " + padding": " + 填充",
    "Kernel %1×%1": "卷积核 %1×%1",
    "Products": "乘积",
    "Output %1×%2": "输出 %1×%2",
    "zero padding: %1 top, %2 bottom, %3 left, %4 right": "零填充：上 %1、下 %2、左 %3、右 %4",
    "grey border: padding, ignored by pooling": "灰色边框：填充，池化时不参与",
    # side panel
    "Multiply and add": "相乘再相加",
    "output row %1, column %2": "输出第 %1 行、第 %2 列",
    "No output": "没有输出",
    "This window keeps": "这个窗口保留",
    "Output size (each side)": "输出尺寸（每条边）",
    "n = %1, k = %2, s = %3, padding '%4'": "n = %1，k = %2，s = %3，填充方式 '%4'",
    "out = ceil(n / s)": "输出 = ceil(n / s)",
    "pad = (out − 1)·s + k − n": "填充 = (输出 − 1)·s + k − n",
    "→ %1 before, %2 after": "→ 前面 %1 个，后面 %2 个",
    "→ no padding needed": "→ 不需要填充",
    "out = floor((n − k) / s) + 1": "输出 = floor((n − k) / s) + 1",
    "→ the window does not fit": "→ 窗口放不下",
    "every product is 0": "所有乘积都是 0",
    "Position %1 of %2 → output row %3, column %4": "第 %1 个位置（共 %2 个）→ 输出第 %3 行、第 %4 列",
    "The window does not fit: see the note on the right.": "窗口放不下：请看右侧的说明。",
    # problems
    "The input grid is empty: choose a digit, or give the grid at least one row and column with the Size box.":
        "输入网格是空的：请选择一个数字，或者用“大小”框让网格至少有一行一列。",
    "The input grid is empty. Choose a digit, or set the size to at least 1 and draw on it.":
        "输入网格是空的。请选择一个数字，或者把大小设为至少 1，然后在上面画。",
    "The %1×%1 %2 is larger than the %3×%4 input, so with padding 'valid' it fits nowhere and there is no "
    "output. Use a smaller %2, a bigger grid, or padding 'same'.":
        "%1×%1 的%2比 %3×%4 的输入还大，在填充方式为 'valid' 时它哪里都放不下，所以没有输出。"
        "请换一个更小的%2、更大的网格，或者使用 'same' 填充。",
    "The stride (%1) is larger than the %2 (%3): the window jumps over some input cells and never looks at them "
    "(crossed out in red). Keras allows it, but that information is lost. Use a stride of at most %3.":
        "步幅（%1）比%2（%3）还大：窗口会跳过一些输入格子，从来不看它们（红色叉号）。"
        "Keras 允许这样做，但这些信息就丢失了。请把步幅设为不超过 %3。",
    "The grid is all zeros, so every output is 0 too. Click the input cells to draw something (right click "
    "erases), or choose a digit.": "网格全是 0，所以输出也全是 0。点击输入格子画点什么（右键擦除），或者选择一个数字。",
    "The bundled digits could not be read, so the lab shows a drawn 7 instead. Reinstall CNN Explorer to get "
    "them back.": "无法读取自带的数字样本，所以实验室改用一个手绘的 7。重新安装 CNN Explorer 即可恢复。",
    # explanations
    "<p><b>How a convolution works.</b> The kernel is a small square of numbers. It is laid over the input; every "
    "covered input number is multiplied by the kernel number on top of it, and the products are added up. That one "
    "sum is one output cell. Then the window moves on and does the same again.</p>"
    "<p>The same few kernel numbers are used at every position. That is why a convolution needs so few weights, "
    "and why it finds a pattern wherever in the picture it appears.</p>"
    "<p><b>Stride</b> is how many cells the window jumps at each step. <b>Padding 'valid'</b> only uses positions "
    "where the whole window fits, so the output shrinks. <b>Padding 'same'</b> adds a border of zeros (grey) so "
    "that the output has n ÷ stride cells, rounded up; when the border cannot be split evenly, Keras puts the "
    "extra row and column at the bottom and on the right.</p>"
    "<p><i>Click the input to draw (right click erases); click a kernel cell to add 1 (right click subtracts 1); "
    "click an output cell to jump to it.</i></p>":
        "<p><b>卷积是怎么算的。</b>卷积核是一小块数字方阵。把它盖在输入上，每个被盖住的输入数字都乘以它上面的卷积核数字，"
        "再把这些乘积加起来。这一个和就是一个输出格子。然后窗口移到下一个位置，再做一遍。</p>"
        "<p>在每个位置用的都是同一组卷积核数字。所以卷积需要的权重很少，而且无论图案出现在图片的哪里，它都能找到。</p>"
        "<p><b>步幅</b>是窗口每一步跳过的格子数。<b>'valid' 填充</b>只使用窗口能完整放下的位置，所以输出会变小。"
        "<b>'same' 填充</b>在四周补一圈零（灰色），使输出有 n ÷ 步幅（向上取整）个格子；如果补的零不能平均分到两边，"
        "Keras 会把多出来的那一行和那一列放在下边和右边。</p>"
        "<p><i>点击输入可以画（右键擦除）；点击卷积核的格子加 1（右键减 1）；点击输出格子可以直接跳到那个位置。</i></p>",
    "<p><b>How max pooling works.</b> The input is cut into windows (2×2 with stride 2 by default). From each "
    "window only the largest number is kept (circled in green); the others are dropped.</p>"
    "<p>A 2×2 pool with stride 2 halves the width and the height. The strongest response of each region survives, "
    "so a feature still counts if it moves by a pixel, and the next convolution's 3×3 window covers twice as much "
    "of the original picture.</p>"
    "<p>Pooling has no weights: nothing is learned here. <b>Average</b> pooling keeps the mean of the window "
    "instead. With padding 'same' the border cells take no part: they are not zeros that could win.</p>":
        "<p><b>最大池化是怎么算的。</b>输入被切成一个个窗口（默认 2×2，步幅 2）。每个窗口只保留最大的那个数（绿色圆圈），"
        "其余的都丢掉。</p>"
        "<p>步幅为 2 的 2×2 池化让宽和高都减半。每个区域里最强的响应被保留下来，所以特征移动一个像素也照样算数，"
        "而且下一层卷积的 3×3 窗口能覆盖原图两倍大的范围。</p>"
        "<p>池化没有权重：这里什么也不用学。<b>平均</b>池化保留的是窗口的平均值。在 'same' 填充时，"
        "边框上的格子不参与计算：它们不是可能“胜出”的零。</p>",
    "<p><b>Why convolutions need so few weights.</b> A Dense layer connects every input number to every unit, so "
    "its weights grow with the size of the picture. A Conv2D connects each output only to a small k×k window and "
    "reuses the same weights at every position: its weight count does not depend on the picture size at all. "
    "Replacing one Conv2D by a Dense layer with the same number of outputs would take millions of weights.</p>"
    "<p><b>SeparableConv2D</b> splits the work in two: one k×k filter per input channel (depthwise), then a 1×1 "
    "convolution that mixes the channels (pointwise). With many channels this needs several times fewer weights "
    "and multiplications than Conv2D, and often learns just as well.</p>"
    "<p><i>The bars use a logarithmic scale: each step to the right is ten times more.</i></p>":
        "<p><b>为什么卷积需要的权重这么少。</b>Dense 层把每个输入数字都连到每个单元上，所以它的权重随图片大小增长。"
        "Conv2D 让每个输出只连到一个小小的 k×k 窗口，并且在每个位置重复使用同一组权重：它的权重数量和图片大小完全无关。"
        "如果用输出数量相同的 Dense 层来代替一个 Conv2D，需要上百万个权重。</p>"
        "<p><b>SeparableConv2D</b> 把工作分成两步：先对每个输入通道各用一个 k×k 滤波器（逐通道），"
        "再用 1×1 卷积把各通道混合起来（逐点）。通道多的时候，它需要的权重和乘法比 Conv2D 少好几倍，而且常常学得一样好。</p>"
        "<p><i>条形图使用对数刻度：向右每前进一格就是十倍。</i></p>",
    "<p><b>What can one cell see?</b> Each cell of a layer is computed from a small window of the layer before, "
    "which was computed from windows of the layer before that, and so on back to the picture. So deeper cells "
    "depend on a larger square of pixels: their <b>receptive field</b> (column “Sees”).</p>"
    "<p>Pooling and strides make it grow faster. “Jump” is how many input pixels apart two neighbouring cells of "
    "a layer are. After Flatten or Dense every value can depend on every pixel.</p>"
    "<p><i>Pick a layer in the table, then click one of its cells.</i></p>":
        "<p><b>一个格子能看到什么？</b>某一层的每个格子都是由上一层的一个小窗口算出来的，而那个窗口又是由再上一层的窗口算出来的，"
        "一直追溯到原图。所以越深的格子依赖的像素方块越大：这就是它的<b>感受野</b>（“可见范围”一列）。</p>"
        "<p>池化和步幅让感受野长得更快。“间距”是同一层两个相邻格子在输入上相隔多少像素。"
        "经过 Flatten 或 Dense 之后，每个值都可能依赖于每一个像素。</p>"
        "<p><i>先在表格里选一层，再点击它的一个格子。</i></p>",
    # weights page
    "Input height": "输入高度",
    "width": "宽度",
    "channels": "通道数",
    "Filters / units": "滤波器 / 单元数",
    "Layer": "层",
    "Output shape": "输出形状",
    "Weights": "权重",
    "Multiply-adds": "乘加次数",
    "Where the weights come from": "权重从哪里来",
    "Dense, as many outputs as the Conv2D": "Dense，输出数量与 Conv2D 相同",
    "Dense, %1 units": "Dense，%1 个单元",
    "Weights (parameters)": "权重（参数）",
    "Multiply-adds for one input": "处理一个输入的乘加次数",
    "The %1×%1 kernel is larger than the %2×%3 input, so with padding 'valid' the convolution has no output. Use "
    "padding 'same', a smaller kernel or a bigger input.":
        "%1×%1 的卷积核比 %2×%3 的输入还大，在填充方式为 'valid' 时卷积没有输出。"
        "请使用 'same' 填充、更小的卷积核或更大的输入。",
    # receptive field page
    "Output": "输出",
    "Jump": "间距",
    "Sees": "可见范围",
    "all": "全部",
    "Input %1": "输入 %1",
    "Layer %1": "层 %1",
    "%1 tokens, in lines of %2": "%1 个词元，每行 %2 个",
    "output %1: click a cell": "输出 %1：点击一个格子",
    "No design in the Builder yet, so this shows the MNIST CNN template.":
        "搭建器里还没有设计，所以这里显示 MNIST CNN 模板。",
    "Design from the Builder: <b>%1</b>": "来自搭建器的设计：<b>%1</b>",
    "This design cannot be analysed yet: %1": "暂时无法分析这个设计：%1",
    "Every value of <b>%1</b> can depend on every input pixel.": "<b>%1</b> 的每个值都可能依赖于每一个输入像素。",
    "<b>%1</b> has no output cells.": "<b>%1</b> 没有输出格子。",
    "Cell (row %1, column %2) of <b>%3</b> sees input rows %4–%5 and columns %6–%7: a <b>%8×%9</b> region.":
        "<b>%3</b> 的格子（第 %1 行、第 %2 列）能看到输入的第 %4–%5 行、第 %6–%7 列：一个 <b>%8×%9</b> 的区域。",
    "Cell %1 of <b>%2</b> sees positions %3–%4 of the sequence: <b>%5</b> tokens.":
        "<b>%2</b> 的第 %1 个格子能看到序列的第 %3–%4 个位置：共 <b>%5</b> 个词元。",
}
